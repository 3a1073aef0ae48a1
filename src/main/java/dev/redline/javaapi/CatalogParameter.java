package dev.redline.javaapi;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;

/**
 * The name of a catalog method's parameter ({@code key}, {@code value}, {@code field}), so that a
 * null argument is refused as "SET: the key is null" rather than by its position alone.
 *
 * <p>Only a mistake is ever looked up, once, while the simulation is built: the catalog method that
 * called {@link CommandBuilding#args} is found on this thread's own stack, and its parameter names
 * come from the class file (compiled with {@code -parameters}). Catalog methods pass their
 * parameters to {@code args} in the order they declare them; when the parameter at that position is
 * not a plain argument (a number, an option), no name is given.
 */
final class CatalogParameter {
  private CatalogParameter() {}

  /** The name of the calling catalog method's parameter at {@code position}, or null. */
  static String nameAt(int position) {
    Optional<Method> method =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(
                frames ->
                    frames
                        .filter(f -> f.getDeclaringClass() != CommandBuilding.class)
                        .filter(f -> f.getDeclaringClass() != CatalogParameter.class)
                        .findFirst()
                        .flatMap(CatalogParameter::method));
    if (method.isEmpty()) {
      return null;
    }
    Parameter[] parameters = method.get().getParameters();
    if (position >= parameters.length || !parameters[position].isNamePresent()) {
      return null;
    }
    Class<?> type = parameters[position].getType();
    boolean argument =
        type == String.class || java.util.function.Function.class.isAssignableFrom(type);
    return argument ? parameters[position].getName() : null;
  }

  private static Optional<Method> method(StackWalker.StackFrame frame) {
    try {
      return Optional.of(
          frame
              .getDeclaringClass()
              .getDeclaredMethod(frame.getMethodName(), frame.getMethodType().parameterArray()));
    } catch (NoSuchMethodException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
