package dev.redline.javaapi;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The name of a catalog method's parameter ({@code key}, {@code value}, {@code field}), so that a
 * null argument is refused as "SET: the key (argument 1) is null" rather than by its position
 * alone.
 *
 * <p>Only a mistake is ever looked up, once, while the simulation is built: the catalog's methods
 * named after the command ({@code set} for SET) are read by reflection, and their parameter names
 * come from the class files (compiled with {@code -parameters}). Catalog methods pass their
 * parameters to {@link CommandBuilding#args} in the order they declare them; a name is given only
 * when every such method agrees on it at that position.
 */
final class CatalogParameter {
  private CatalogParameter() {}

  /** The parameter at {@code position} of the catalog methods for {@code command}, or null. */
  static String nameAt(String command, int position) {
    String methodName = command.toLowerCase(Locale.ROOT);
    String name = null;
    for (Method method : RedisCommands.class.getMethods()) {
      if (!method.getName().equals(methodName) || position >= method.getParameterCount()) {
        continue;
      }
      Parameter parameter = method.getParameters()[position];
      Class<?> type = parameter.getType();
      if (!parameter.isNamePresent()
          || (type != String.class && !Function.class.isAssignableFrom(type))) {
        return null;
      }
      if (name != null && !name.equals(parameter.getName())) {
        return null;
      }
      name = parameter.getName();
    }
    return name;
  }
}
