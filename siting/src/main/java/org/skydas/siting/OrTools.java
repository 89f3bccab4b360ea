package org.skydas.siting;

import com.google.ortools.Loader;

/** Loads OR-Tools' native library (shipped in the ortools-linux-x86-64 / -aarch64 / darwin / win32 jars) once. */
public final class OrTools {
  private static volatile boolean loaded;

  private OrTools() {}

  public static synchronized void load() {
    if (loaded) return;
    try {
      Loader.loadNativeLibraries();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("OR-Tools native library did not load on " + System.getProperty("os.name") + "/"
          + System.getProperty("os.arch") + ": " + e.getMessage(), e);
    }
    loaded = true;
  }

  /** "9.15.6755" style: the version of the loaded native library. */
  public static String version() {
    load();
    return com.google.ortools.init.OrToolsVersion.getVersionString();
  }
}
