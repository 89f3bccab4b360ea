package org.skydas.siting;

/** Bad instance input; the message is one line that names the field, e.g. {@code candidates[3].cost: must be >= 0}. */
public final class SitingInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SitingInputException(String message) {
    super(message);
  }
}
