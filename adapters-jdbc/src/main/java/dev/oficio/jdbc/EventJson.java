package dev.oficio.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.oficio.shared.DomainEvent;
import dev.oficio.shared.OficioException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes domain events (records) as JSON and reads them back into the same class. The outbox stores
 * the class name next to the JSON; reading accepts only {@link DomainEvent} classes, so a tampered
 * row cannot make the relay instantiate arbitrary types.
 *
 * <p>Only record components (and fields) are written: convenience methods such as {@code
 * Money.isZero()} are not properties. Thread-safe.
 */
final class EventJson {
  private final JsonMapper mapper =
      JsonMapper.builder()
          .changeDefaultVisibility(
              v ->
                  v.withGetterVisibility(Visibility.NONE)
                      .withIsGetterVisibility(Visibility.NONE)
                      .withFieldVisibility(Visibility.ANY))
          // Events gain fields over time; an old row must still load into the new record.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The event as JSON. */
  String write(DomainEvent event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JacksonException e) {
      throw new OficioException(
          "cannot write event "
              + event.getClass().getName()
              + " as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** An aggregate's stored state (a record of value types) as JSON. */
  String writeDocument(Object document) {
    try {
      return mapper.writeValueAsString(document);
    } catch (JacksonException e) {
      throw new OficioException(
          "cannot write "
              + document.getClass().getSimpleName()
              + " as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** An aggregate's stored state read back from JSON. */
  <T> T readDocument(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw new OficioException(
          "cannot read stored " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The event of class {@code className} stored as {@code json}. */
  DomainEvent read(String className, String json) {
    Class<? extends DomainEvent> type = eventClass(className);
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw new OficioException(
          "cannot read stored event of " + className + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Class<? extends DomainEvent> eventClass(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader());
    } catch (ClassNotFoundException e) {
      throw new OficioException(
          "stored event class " + className + " is not on the class path (renamed or removed?)", e);
    }
    if (!DomainEvent.class.isAssignableFrom(type)) {
      throw new OficioException("stored class " + className + " is not a DomainEvent");
    }
    return type.asSubclass(DomainEvent.class);
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : EventJson.class.getClassLoader();
  }
}
