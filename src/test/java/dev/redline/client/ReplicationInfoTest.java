package dev.redline.client;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;

/** INFO replication as the primary and a replica print it, and COMMAND's readonly flag. */
class ReplicationInfoTest {

  @Test
  void aPrimaryListsItsReplicasWithTheirOffsetsAndOnlyOnlineOnesTakeReads() {
    ReplicationInfo info =
        ReplicationInfo.parse(
            "# Replication\r\nrole:master\r\nconnected_slaves:2\r\n"
                + "slave0:ip=10.0.0.2,port=6380,state=online,offset=1200,lag=0\r\n"
                + "slave1:ip=10.0.0.3,port=6381,state=wait_bgsave,offset=0,lag=3\r\n"
                + "master_failover_state:no-failover\r\nmaster_repl_offset:1500\r\n");
    assertTrue(info.primary());
    assertNull(info.primaryOf());
    assertEquals(1500, info.offset());
    assertEquals(2, info.replicas().size());
    assertEquals(new HostAndPort("10.0.0.2", 6380), info.replicas().get(0).node());
    assertEquals(1200, info.replicas().get(0).offset());
    assertEquals(3, info.replicas().get(1).lagSeconds());
    assertEquals(List.of(new HostAndPort("10.0.0.2", 6380)), info.onlineReplicas());
  }

  @Test
  void aReplicaNamesItsPrimary() {
    ReplicationInfo info =
        ReplicationInfo.parse(
            "# Replication\nrole:slave\nmaster_host:10.0.0.1\nmaster_port:6379\n"
                + "master_link_status:up\nslave_repl_offset:1500\n");
    assertFalse(info.primary());
    assertEquals(new HostAndPort("10.0.0.1", 6379), info.primaryOf());
    assertEquals(List.of(), info.replicas());
  }

  @Test
  void aReplicaFollowsThePrimaryWhoseStreamItFollowsWhateverAddressItKnowsItBy() {
    ReplicationInfo primary =
        ReplicationInfo.parse("role:master\nmaster_replid:8d3f\nmaster_repl_offset:10\n");
    HostAndPort asTheRunReachesIt = new HostAndPort("127.0.0.1", 6379);
    ReplicationInfo inDocker =
        ReplicationInfo.parse(
            "role:slave\nmaster_host:172.18.0.2\nmaster_port:6379\nmaster_replid:8d3f\n");
    assertTrue(inDocker.follows(primary, asTheRunReachesIt));
    ReplicationInfo syncing =
        ReplicationInfo.parse(
            "role:slave\nmaster_host:127.0.0.1\nmaster_port:6379\nmaster_replid:0000\n");
    assertTrue(syncing.follows(primary, asTheRunReachesIt), "not synced yet, names the primary");
    ReplicationInfo another =
        ReplicationInfo.parse(
            "role:slave\nmaster_host:10.9.9.9\nmaster_port:6379\nmaster_replid:77aa\n");
    assertFalse(another.follows(primary, asTheRunReachesIt), "another primary on the same port");
  }

  @Test
  void onlyCommandsTheServerFlagsReadonlyAreReads() {
    Object reply =
        List.of(
            entry("get", "readonly", "fast"),
            entry("set", "write", "denyoom"),
            entry("eval_ro", "readonly", "noscript"),
            entry("object", "readonly"), // flags as the server gives them, container or not
            entry("ping", "fast"));
    ReadCommands reads = ReadCommands.fromCommandReply(reply);
    assertTrue(reads.isRead(Protocol.Command.GET));
    assertFalse(reads.isRead(Protocol.Command.SET));
    assertFalse(reads.isRead(Protocol.Command.PING));
    assertTrue(reads.isRead("eval_ro"));
    assertFalse(reads.isRead("hget"), "a command the server did not list is not a read");
    assertTrue(reads.allRead(new Protocol.Command[] {Protocol.Command.GET}));
    assertFalse(reads.allRead(new Protocol.Command[] {Protocol.Command.GET, Protocol.Command.SET}));
  }

  private static List<Object> entry(String name, String... flags) {
    List<Object> flagList =
        java.util.Arrays.stream(flags)
            .map(f -> (Object) f.getBytes(StandardCharsets.UTF_8))
            .toList();
    return List.of(name.getBytes(StandardCharsets.UTF_8), 2L, flagList, 1L, 1L, 1L);
  }
}
