package dev.redline.action;

/** How a batch of commands makes its one round trip. */
public enum BatchKind {
  /** Commands written back to back, replies read together (Jedis {@code Pipeline}). */
  PIPELINE,
  /** {@code MULTI}, the commands, {@code EXEC}: applied atomically (Jedis {@code Transaction}). */
  TRANSACTION
}
