package dev.redline.simulations;

/**
 * Runs a Redline simulation from a plain {@code main}, as a tool of your own would: Gatling's main
 * runs it, writes both reports and ends the JVM with its exit code (0, or 2 when an assertion
 * failed).
 *
 * <pre>
 * java --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$(cat classpath.txt)" \
 *     -Dredline.url=redis://localhost:6379 \
 *     dev.redline.simulations.LaunchFromMain target/gatling
 * </pre>
 */
public final class LaunchFromMain {
  private LaunchFromMain() {}

  /**
   * Runs {@link BasicSimulation}.
   *
   * @param args Gatling's results folder (default target/gatling)
   */
  public static void main(String[] args) {
    String results = args.length > 0 ? args[0] : "target/gatling";
    System.setProperty("redline.results.dir", results); // Redline's report beside Gatling's
    io.gatling.app.Gatling.main(
        new String[] {"-s", BasicSimulation.class.getName(), "-rf", results});
  }
}
