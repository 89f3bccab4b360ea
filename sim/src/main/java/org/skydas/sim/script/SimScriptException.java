package org.skydas.sim.script;

/** A scenario script that cannot be read, with the reason. */
public final class SimScriptException extends Exception {

    public SimScriptException(String message) {
        super(message);
    }
}
