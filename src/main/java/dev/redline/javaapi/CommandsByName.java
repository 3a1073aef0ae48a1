package dev.redline.javaapi;

/** The commands of {@link RedisDsl#cmd}: each reported under its command name (SET, GET, ...). */
final class CommandsByName implements RedisCommands {
  static final CommandsByName INSTANCE = new CommandsByName();

  private CommandsByName() {}

  @Override
  public String toString() {
    return "cmd";
  }
}
