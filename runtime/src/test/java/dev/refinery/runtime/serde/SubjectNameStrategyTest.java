package dev.refinery.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.schemas.RawPair;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    @Test
    void shouldNameSubjectsLikeConfluentsStrategies() {
        var schema = RawPair.getClassSchema();

        assertThat(SubjectNameStrategy.TOPIC.subject("refinery.pairs.raw", false, schema))
                .isEqualTo("refinery.pairs.raw-value");
        assertThat(SubjectNameStrategy.TOPIC.subject("refinery.pairs.raw", true, schema))
                .isEqualTo("refinery.pairs.raw-key");
        assertThat(SubjectNameStrategy.RECORD.subject("x", false, schema)).isEqualTo("dev.refinery.schemas.RawPair");
        assertThat(SubjectNameStrategy.TOPIC_RECORD.subject("x", false, schema))
                .isEqualTo("x-dev.refinery.schemas.RawPair");
    }

    @Test
    void shouldAcceptShortNamesAndConfluentClassNames() {
        assertThat(SubjectNameStrategy.parse("topic-record")).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.RecordNameStrategy"))
                .isEqualTo(SubjectNameStrategy.RECORD);
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicNameStrategy"))
                .isEqualTo(SubjectNameStrategy.TOPIC);
    }
}
