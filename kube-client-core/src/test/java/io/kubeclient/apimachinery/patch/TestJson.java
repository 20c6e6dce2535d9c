package io.kubeclient.apimachinery.patch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers for the patch tests: single-quoted literals and a seeded generator of documents. */
final class TestJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("a", "b", "c", "d/e", "f~g");

    private TestJson() {}

    /** Parses JSON written with single quotes for readability. */
    static JsonNode json(String singleQuoted) {
        return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    }

    static JsonNode resource(String name) {
        try (InputStream in = TestJson.class.getResourceAsStream(name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode randomObject(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        for (String key : KEYS) {
            if (random.nextInt(3) > 0) {
                node.set(key, randomValue(random, depth));
            }
        }
        return node;
    }

    static JsonNode randomValue(Random random, int depth) {
        int choice = random.nextInt(depth > 0 ? 7 : 4);
        switch (choice) {
            case 0:
                return NODES.numberNode(random.nextInt(4));
            case 1:
                return NODES.stringNode("s" + random.nextInt(4));
            case 2:
                return NODES.booleanNode(random.nextBoolean());
            case 3:
                return NODES.numberNode(random.nextInt(3) + 0.5);
            case 4:
            case 5:
                return randomObject(random, depth - 1);
            default:
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, depth - 1));
                }
                return array;
        }
    }

    /** A variant of {@code node}: some members dropped, changed, added, recursively; arrays edited. */
    static JsonNode mutate(Random random, JsonNode node, int depth) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (var e : node.properties()) {
                int r = random.nextInt(6);
                if (r == 0) {
                    continue;
                }
                out.set(e.getKey(), r == 1 ? randomValue(random, depth) : mutate(random, e.getValue(), depth - 1));
            }
            if (random.nextInt(3) == 0) {
                out.set(KEYS.get(random.nextInt(KEYS.size())), randomValue(random, depth));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode item : node.values()) {
                int r = random.nextInt(5);
                if (r == 0) {
                    continue;
                }
                out.add(r == 1 ? mutate(random, item, depth - 1) : item.deepCopy());
                if (r == 2) {
                    out.add(randomValue(random, depth - 1));
                }
            }
            if (random.nextBoolean()) {
                out.insert(0, randomValue(random, depth - 1));
            }
            return out;
        }
        return random.nextInt(3) == 0 ? randomValue(random, depth) : node.deepCopy();
    }
}
