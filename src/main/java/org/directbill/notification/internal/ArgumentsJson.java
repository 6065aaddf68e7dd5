package org.directbill.notification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.directbill.notification.domain.NoticeArgument;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notice's arguments as stored: a JSON array of {@code {type, value}} (a message as {@code {type,
 * code, arguments}}, a list as {@code {type: "list", values: [...]}}), so that each reads back as the
 * type it was published with. Amounts are decimal strings, never floating point.
 */
@Component
class ArgumentsJson {

    private final JsonMapper json;

    ArgumentsJson(JsonMapper json) {
        this.json = json;
    }

    String write(List<NoticeArgument> arguments) {
        return json.writeValueAsString(array(arguments));
    }

    List<NoticeArgument> read(String stored) {
        return list(json.readTree(stored));
    }

    private ArrayNode array(List<NoticeArgument> arguments) {
        ArrayNode array = json.createArrayNode();
        for (NoticeArgument argument : arguments) {
            ObjectNode node = array.addObject();
            if (argument instanceof NoticeArgument.Text text) {
                node.put("type", "text").put("value", text.value());
            } else if (argument instanceof NoticeArgument.Date date) {
                node.put("type", "date").put("value", date.value().toString());
            } else if (argument instanceof NoticeArgument.Amount amount) {
                node.put("type", "amount").put("value", amount.value().toPlainString());
            } else if (argument instanceof NoticeArgument.Count count) {
                node.put("type", "count").put("value", count.value());
            } else if (argument instanceof NoticeArgument.Items items) {
                node.put("type", "list");
                node.set("values", array(items.values()));
            } else {
                NoticeArgument.Message message = (NoticeArgument.Message) argument;
                node.put("type", "message").put("code", message.code());
                node.set("arguments", array(message.arguments()));
            }
        }
        return array;
    }

    private static List<NoticeArgument> list(JsonNode array) {
        List<NoticeArgument> arguments = new ArrayList<>();
        for (JsonNode node : array) {
            String type = node.get("type").asString();
            arguments.add(
                    switch (type) {
                        case "text" -> new NoticeArgument.Text(node.get("value").asString());
                        case "date" ->
                            new NoticeArgument.Date(
                                    LocalDate.parse(node.get("value").asString()));
                        case "amount" ->
                            new NoticeArgument.Amount(
                                    new BigDecimal(node.get("value").asString()));
                        case "count" ->
                            new NoticeArgument.Count(node.get("value").longValue());
                        case "list" -> new NoticeArgument.Items(list(node.get("values")));
                        case "message" ->
                            new NoticeArgument.Message(node.get("code").asString(), list(node.get("arguments")));
                        default -> throw new IllegalStateException("stored notice argument of unknown type " + type);
                    });
        }
        return arguments;
    }
}
