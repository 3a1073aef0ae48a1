package dev.redline.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Copies everything printed to System.out while open, still passing it through. */
public final class ConsoleCapture implements AutoCloseable {
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  public ConsoleCapture() {
    System.setOut(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                original.write(b);
                synchronized (copy) {
                  copy.write(b);
                }
              }

              @Override
              public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (copy) {
                  copy.write(b, off, len);
                }
              }
            },
            true,
            StandardCharsets.UTF_8));
  }

  /** What was printed so far. */
  public String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.out.flush();
    System.setOut(original);
  }
}
