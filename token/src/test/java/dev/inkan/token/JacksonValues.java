package dev.inkan.token;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference's custom claims: values read and written through Jackson's streaming API, as Inkan's JsonValues does. */
final class JacksonValues {

    private JacksonValues() {
    }

    /** A custom value at {@code depth} (a claim's value being at 1), as Java values the way TokenClaims holds them, with Inkan's nesting limit. */
    static Object read(JsonParser parser, JsonToken value, int depth) throws IOException {
        if (depth > JsonReader.MAX_DEPTH) {
            throw new JacksonReference.MalformedJson();
        }
        switch (value) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == NumberType.BIG_INTEGER ? new BigDecimal(parser.getBigIntegerValue()) : parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case START_ARRAY: {
                List<Object> elements = new ArrayList<>();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    elements.add(read(parser, element, depth + 1));
                }
                return elements;
            }
            case START_OBJECT: {
                Map<String, Object> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    members.put(name, read(parser, parser.nextToken(), depth + 1));
                }
                return members;
            }
            default:
                throw new JacksonReference.MalformedJson();
        }
    }

    static void write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                json.writeFieldName((String) member.getKey());
                write(json, member.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Long integer) {
            json.writeNumber(integer);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof String text) {
            json.writeString(text);
        } else {
            json.writeNull();
        }
    }
}
