package dev.redline.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * TLS towards Redis: on when the URL is {@code rediss://} or any TLS option is set.
 *
 * @param enabled whether to speak TLS even with a {@code redis://} URL
 * @param caFile PEM file of the certificate authorities to trust, or null for the JDK's defaults
 * @param certFile PEM client certificate (chain) for mutual TLS, or null
 * @param keyFile PEM private key (PKCS#8, "BEGIN PRIVATE KEY") of the client certificate, or null
 * @param verifyHostname whether the server certificate must name the host connected to
 * @param protocols the TLS versions allowed (e.g. TLSv1.3), or empty for the JDK's defaults
 */
public record TlsSettings(
    boolean enabled,
    Path caFile,
    Path certFile,
    Path keyFile,
    boolean verifyHostname,
    List<String> protocols) {

  /** The TLS versions the options accept. */
  public static final List<String> VERSIONS = List.of("TLSv1.2", "TLSv1.3");

  /** No TLS options: TLS only when the URL says {@code rediss://}, with the JDK's trust store. */
  public static final TlsSettings NONE = new TlsSettings(false, null, null, null, true, List.of());

  public TlsSettings {
    protocols = List.copyOf(protocols);
    for (String protocol : protocols) {
      if (!VERSIONS.contains(protocol)) {
        throw new IllegalArgumentException(
            "TLS version '" + protocol + "' is not allowed: use " + String.join(" or ", VERSIONS));
      }
    }
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(
          "mutual TLS needs both a client certificate file and its key file; got only the "
              + (certFile == null ? "key" : "certificate"));
    }
    readable("CA file", caFile);
    readable("client certificate file", certFile);
    readable("client key file", keyFile);
  }

  /** True when any option asks for TLS. */
  public boolean anySet() {
    return enabled || caFile != null || certFile != null || !verifyHostname || !protocols.isEmpty();
  }

  /** The same settings with TLS switched on. */
  public TlsSettings on() {
    return new TlsSettings(true, caFile, certFile, keyFile, verifyHostname, protocols);
  }

  /** The same settings trusting the CAs in a PEM file. */
  public TlsSettings withCaFile(Path file) {
    return new TlsSettings(true, file, certFile, keyFile, verifyHostname, protocols);
  }

  /** The same settings presenting a client certificate. */
  public TlsSettings withClientCertificate(Path cert, Path key) {
    return new TlsSettings(true, caFile, cert, key, verifyHostname, protocols);
  }

  /** The same settings with hostname verification on or off. */
  public TlsSettings withVerifyHostname(boolean verify) {
    return new TlsSettings(true, caFile, certFile, keyFile, verify, protocols);
  }

  /** The same settings allowing only the given TLS versions. */
  public TlsSettings withProtocols(List<String> versions) {
    return new TlsSettings(true, caFile, certFile, keyFile, verifyHostname, versions);
  }

  private static void readable(String what, Path file) {
    if (file != null && !Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "TLS " + what + " '" + file + "' does not exist or cannot be read");
    }
  }
}
