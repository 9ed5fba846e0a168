package dev.refinery.runtime.serde;

import java.util.Locale;
import org.apache.avro.Schema;

/** How a subject name is derived, as Confluent's strategies of the same names do. */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
    TOPIC,
    /** The record's full name: one lineage per record type, across topics. */
    RECORD,
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD;

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC -> topic + (isKey ? "-key" : "-value");
            case RECORD -> schema.getFullName();
            case TOPIC_RECORD -> topic + "-" + schema.getFullName();
        };
    }

    /** Parses {@code topic}, {@code record}, {@code topic-record} (or Confluent's class names of them). */
    public static SubjectNameStrategy parse(String value) {
        String v = value.trim();
        if (v.endsWith("TopicRecordNameStrategy")) {
            return TOPIC_RECORD;
        }
        if (v.endsWith("RecordNameStrategy")) {
            return RECORD;
        }
        if (v.endsWith("TopicNameStrategy")) {
            return TOPIC;
        }
        return valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
