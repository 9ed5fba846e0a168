package dev.refinery.bench;

import dev.refinery.runtime.TestPairs;
import dev.refinery.runtime.registry.RegistryClientConfig;
import dev.refinery.runtime.registry.SchemaRegistryClient;
import dev.refinery.runtime.serde.SpecificAvroSerde;
import dev.refinery.schemas.ScoredPair;
import dev.refinery.testkit.PortFinder;
import dev.refinery.testkit.SchemaRegistryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Serialize + deserialize one typical {@link ScoredPair} (512-d float16 embeddings, a dozen signals): through our
 * Confluent-wire-format serde (schema registered in a real Apicurio registry; ids cached after the first call) against
 * plain Avro binary encoding of the same record with the same Avro classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerdeBenchmark {
    private SchemaRegistryServer registry;
    private SpecificAvroSerde<ScoredPair> serde;
    private ScoredPair record;
    private final SpecificDatumWriter<ScoredPair> writer = new SpecificDatumWriter<>(ScoredPair.class);
    private final SpecificDatumReader<ScoredPair> reader = new SpecificDatumReader<>(ScoredPair.class);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        registry = SchemaRegistryServer.start(Files.createTempDirectory("bench-registry"), PortFinder.freePort());
        var client =
                new SchemaRegistryClient(RegistryClientConfig.of(registry.url().toString()));
        serde = SpecificAvroSerde.forValues(
                client,
                ScoredPair.class,
                Map.of(RegistryClientConfig.URL, registry.url().toString()));
        record = TestPairs.scoredPair(7);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        registry.close();
    }

    @Benchmark
    public ScoredPair confluentWireFormatSerde() {
        byte[] bytes = serde.serializer().serialize("refinery.pairs.scored", record);
        return serde.deserializer().deserialize("refinery.pairs.scored", bytes);
    }

    @Benchmark
    public ScoredPair plainAvroBinary() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
        writer.write(record, encoder);
        encoder.flush();
        byte[] bytes = out.toByteArray();
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        return reader.read(null, decoder);
    }
}
