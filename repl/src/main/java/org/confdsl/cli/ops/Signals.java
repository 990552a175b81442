package org.confdsl.cli.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Handles a POSIX signal with a plain {@link Runnable}, through {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}, in every JDK and in the shipped runtime). Reached by reflection
 * because javac flags the class as internal API and the build treats warnings as errors.
 */
public final class Signals {

    private Signals() {
    }

    /**
     * Runs {@code action} on the JVM's signal thread each time {@code name} (e.g. {@code "HUP"})
     * arrives, replacing the JVM's own handling (for TERM and INT: no shutdown hooks run).
     *
     * <p>A signal that was ignored when the process started ({@code nohup} ignores HUP, a shell
     * ignores INT for a job it puts in the background) stays ignored: the JVM leaves it so, as
     * POSIX asks, and this method returns false.
     *
     * @return true when {@code action} now handles the signal, false when the signal is ignored
     * @throws IllegalStateException when this JVM cannot handle signals
     */
    public static boolean handle(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            InvocationHandler onSignal = (proxy, method, args) -> switch (method.getName()) {
                case "handle" -> {
                    action.run();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "signal handler for SIG" + name;
            };
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
            Object previous = signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return previous != handlerClass.getField("SIG_IGN").get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot handle SIG" + name + " in this JVM: " + e, e);
        }
    }
}
