package io.kubeclient.apimachinery.labels;

import io.kubeclient.apimachinery.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Lexer and recursive-descent parser for the label selector grammar of client-go's {@code labels.Parse}. */
final class Parser {

    enum Kind { END, OPEN_PAR, CLOSE_PAR, COMMA, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GT, LT, IN, NOT_IN, IDENT }

    record Token(Kind kind, String literal, int pos) {

        /** In value (and key) position the keywords {@code in}/{@code notin} are plain identifiers. */
        Kind asValue() {
            return kind == Kind.IN || kind == Kind.NOT_IN ? Kind.IDENT : kind;
        }

        String shown() {
            return kind == Kind.END ? "end of string" : "'" + literal + "'";
        }
    }

    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    private final String input;
    private final List<Token> tokens;
    private int index;

    private Parser(String input) {
        this.input = input;
        this.tokens = lex(input);
    }

    static Selector parse(String selector) {
        if (selector == null) {
            throw new SelectorParseException("label selector must not be null", null, 0, null);
        }
        return Selector.of(new Parser(selector).requirements());
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isSpecial(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                out.add(new Token(Kind.END, "", n));
                return out;
            }
            char c = s.charAt(i);
            int start = i;
            if (isSpecial(c)) {
                // Longest known operator: only "==" and "!=" have two characters; anything else is one token each.
                boolean pair = (c == '=' || c == '!') && i + 1 < n && s.charAt(i + 1) == '=';
                i += pair ? 2 : 1;
                String lit = s.substring(start, i);
                Kind kind = switch (lit) {
                    case "==" -> Kind.DOUBLE_EQUALS;
                    case "!=" -> Kind.NOT_EQUALS;
                    case "=" -> Kind.EQUALS;
                    case "!" -> Kind.NOT;
                    case "(" -> Kind.OPEN_PAR;
                    case ")" -> Kind.CLOSE_PAR;
                    case "," -> Kind.COMMA;
                    case ">" -> Kind.GT;
                    default -> Kind.LT;
                };
                out.add(new Token(kind, lit, start));
            } else {
                while (i < n && !isSpecial(s.charAt(i)) && !isWhitespace(s.charAt(i))) {
                    i++;
                }
                String lit = s.substring(start, i);
                Kind kind = switch (lit) {
                    case "in" -> Kind.IN;
                    case "notin" -> Kind.NOT_IN;
                    default -> Kind.IDENT;
                };
                out.add(new Token(kind, lit, start));
            }
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.END) {
            index++;
        }
        return t;
    }

    private SelectorParseException error(Token at, String expected) {
        return new SelectorParseException("found " + at.shown() + ", expected: " + expected, input, at.pos(), null);
    }

    private List<Requirement> requirements() {
        List<Requirement> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.asValue()) {
                case IDENT, NOT -> {
                    out.add(requirement());
                    Token after = next();
                    if (after.kind() == Kind.END) {
                        return out;
                    }
                    if (after.kind() != Kind.COMMA) {
                        throw error(after, "',' or 'end of string'");
                    }
                    Token following = peek();
                    if (following.asValue() != Kind.IDENT && following.kind() != Kind.NOT) {
                        throw error(following, "identifier after ','");
                    }
                }
                case END -> {
                    return out;
                }
                default -> throw error(t, "!, identifier, or 'end of string'");
            }
        }
    }

    private Requirement requirement() {
        int start = peek().pos();
        Token t = next();
        boolean negated = t.kind() == Kind.NOT;
        if (negated) {
            t = next();
        }
        if (t.asValue() != Kind.IDENT) {
            throw error(t, "identifier");
        }
        String key = t.literal();
        List<String> keyErrors = Validation.isQualifiedName(key);
        if (!keyErrors.isEmpty()) {
            throw new SelectorParseException("unable to parse requirement: "
                    + Requirement.invalid("key", key, keyErrors), input, t.pos(), null);
        }
        Kind following = peek().kind();
        if (negated || following == Kind.END || following == Kind.COMMA) {
            // A trailing token after "!key" is reported by the caller as "expected ',' or end of string".
            return build(key, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, List.of(), start);
        }
        Token opToken = next();
        Operator op = switch (opToken.kind()) {
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case GT -> Operator.GREATER_THAN;
            case LT -> Operator.LESS_THAN;
            default -> throw error(opToken, BINARY_OPERATORS);
        };
        List<String> values = op == Operator.IN || op == Operator.NOT_IN ? setValues() : exactValue();
        return build(key, op, values, start);
    }

    private Requirement build(String key, Operator op, List<String> values, int start) {
        try {
            return Requirement.of(key, op, values);
        } catch (InvalidRequirementException e) {
            throw new SelectorParseException("unable to parse requirement: " + e.getMessage(), input, start, e);
        }
    }

    private List<String> exactValue() {
        Token t = peek();
        if (t.kind() == Kind.END || t.kind() == Kind.COMMA) {
            return List.of("");
        }
        next();
        if (t.asValue() != Kind.IDENT) {
            throw error(t, "identifier");
        }
        return List.of(t.literal());
    }

    private List<String> setValues() {
        Token open = next();
        if (open.kind() != Kind.OPEN_PAR) {
            throw error(open, "'('");
        }
        TreeSet<String> values = new TreeSet<>();
        Token first = peek();
        switch (first.asValue()) {
            case CLOSE_PAR -> {
                next();
                values.add("");
                return List.copyOf(values);
            }
            case IDENT, COMMA -> {
            }
            default -> throw error(first, "',', ')' or identifier");
        }
        // Empty elements ("(,a)", "(a,,b)", "(a,)") contribute the empty value.
        boolean expectValue = true;
        while (true) {
            Token t = next();
            if (expectValue) {
                switch (t.asValue()) {
                    case IDENT -> {
                        values.add(t.literal());
                        expectValue = false;
                    }
                    case COMMA -> values.add("");
                    case CLOSE_PAR -> {
                        values.add("");
                        return List.copyOf(values);
                    }
                    default -> throw error(t, "',', ')' or identifier");
                }
            } else {
                switch (t.kind()) {
                    case COMMA -> expectValue = true;
                    case CLOSE_PAR -> {
                        return List.copyOf(values);
                    }
                    default -> throw error(t, "',' or ')'");
                }
            }
        }
    }
}
