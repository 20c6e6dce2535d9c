package io.kubeclient.rest;

import io.fabric8.kubernetes.api.model.ListMeta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A server-side printed table ({@code meta.k8s.io/v1 Table}), as {@code kubectl get} shows it.
 * Request one with {@link Request#asTable(IncludeObject)} and decode it with
 * {@code result.into(Table.class)}.
 *
 * @param apiVersion {@code meta.k8s.io/v1}
 * @param kind {@code Table}
 * @param metadata the list metadata (resource version, continue token)
 * @param columnDefinitions the columns, in cell order
 * @param rows one row per object
 */
public record Table(String apiVersion, String kind, ListMeta metadata, List<ColumnDefinition> columnDefinitions,
        List<Row> rows) {

    /** The Accept header kubectl sends: Table v1, then v1beta1, then plain JSON. */
    static final String ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    public Table {
        columnDefinitions = columnDefinitions == null ? List.of() : List.copyOf(columnDefinitions);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * One column.
     *
     * @param name the header, such as {@code Name} or {@code Age}
     * @param type the OpenAPI type: {@code string}, {@code integer}, {@code number}, {@code boolean}...
     * @param format a hint such as {@code name} (the object-name column) or {@code date}
     * @param description what the column means
     * @param priority 0 for the columns shown by default, higher for {@code -o wide}
     */
    public record ColumnDefinition(String name, String type, String format, String description, int priority) {}

    /**
     * One row.
     *
     * @param cells one value per column: string, number, boolean, map, list or {@code null}
     * @param conditions row conditions such as {@code Completed}; usually empty
     * @param object the object the row describes as raw JSON, per {@link IncludeObject}; or {@code null}
     */
    public record Row(List<Object> cells, List<Condition> conditions, JsonNode object) {

        public Row {
            // Cells may be null, which List.copyOf refuses.
            cells = cells == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(cells));
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }

        /**
         * The included object decoded as {@code type} (for example {@code Pod} or
         * {@code PartialObjectMetadata}), or {@code null} when none was included.
         */
        public <T> T objectAs(Class<T> type) {
            if (object == null || object.isNull()) {
                return null;
            }
            try {
                return KubeJson.mapper().treeToValue(object, type);
            } catch (JacksonException e) {
                throw new io.kubeclient.KubeException("unable to decode the row object into "
                        + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
    }

    /**
     * A row condition.
     *
     * @param type the condition type, such as {@code Completed}
     * @param status {@code True}, {@code False} or {@code Unknown}
     * @param reason a machine-readable reason
     * @param message a human-readable message
     */
    public record Condition(String type, String status, String reason, String message) {}

    /** What each row carries besides its cells: the {@code includeObject} query parameter. */
    public enum IncludeObject {
        /** No object. */
        NONE("None"),
        /** The object's metadata as {@code PartialObjectMetadata}; the server's default. */
        METADATA("Metadata"),
        /** The whole object. */
        OBJECT("Object");

        private final String value;

        IncludeObject(String value) {
            this.value = value;
        }

        /** The parameter value sent to the server. */
        public String value() {
            return value;
        }
    }
}
