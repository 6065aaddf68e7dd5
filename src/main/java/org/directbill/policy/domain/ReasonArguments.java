package org.directbill.policy.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reason's arguments as its sentence takes them. They are stored as text (a snapshot must read
 * back unchanged); amounts, written as plain decimals with a point ({@code 300000.00}), go to the
 * sentence as numbers, so that its {@code {0,number,#,##0.00}} shows them the reader's way
 * ({@code 300,000.00} in English, {@code 300 000,00} in French). Location IDs, dates and counts have
 * no point and stay text.
 */
public final class ReasonArguments {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private ReasonArguments() {}

    public static List<Object> forMessage(List<String> arguments) {
        return arguments.stream()
                .<Object>map(argument -> DECIMAL.matcher(argument).matches() ? new BigDecimal(argument) : argument)
                .toList();
    }
}
