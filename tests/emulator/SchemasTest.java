package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.validate.Responses;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instances of real schemas (Pydantic's nested models, zod's) that validate against them. */
class SchemasTest {

    @Test
    void followsRefsIntoDefsAndTakesTheNonNullBranchOfANullableField() {
        // What Pydantic makes of class Address(BaseModel) inside class Person(BaseModel), with Optional and Literal.
        JsonNode schema = Responses.json("{'$defs':{'Address':{'properties':{'street':{'type':'string'},"
                + "'zip':{'pattern':'^[0-9]{5}$','type':'string'}},'required':['street','zip'],'type':'object'}},"
                + "'properties':{'name':{'type':'string'},'address':{'$ref':'#/$defs/Address'},"
                + "'nickname':{'anyOf':[{'type':'string'},{'type':'null'}],'default':null},"
                + "'role':{'enum':['admin','user'],'type':'string'},"
                + "'friends':{'items':{'$ref':'#/$defs/Address'},'type':'array','minItems':2,'maxItems':3}},"
                + "'required':['name','address','nickname','role','friends'],'type':'object'}");
        JsonNode person = Schemas.instanceOf(schema, "John Doe");
        assertEquals("John Doe", person.get("name").asText());
        assertTrue(person.at("/address/zip").asText().matches("[0-9]{5}"), person.toString());
        assertTrue(person.get("nickname").isTextual(), person.toString());
        assertEquals("admin", person.get("role").asText());
        assertEquals(2, person.get("friends").size());
        assertTrue(person.at("/friends/1/street").isTextual(), person.toString());
    }

    @Test
    void keepsNumbersInsideTheirBoundsAndStepsAndStringsInTheirLength() {
        // zod: z.object({score: z.number().int().min(1).max(3), price: z.number().multipleOf(0.25).gt(50), code: ...})
        JsonNode schema = Responses.json("{'type':'object','properties':{"
                + "'score':{'type':'integer','minimum':1,'maximum':3},"
                + "'price':{'type':'number','exclusiveMinimum':50,'multipleOf':0.25},"
                + "'code':{'type':'string','minLength':8,'maxLength':8},"
                + "'tags':{'type':'array','items':{'type':'string','format':'email'}},"
                + "'when':{'type':'string','format':'date-time'},'day':{'type':'string','format':'date'},"
                + "'site':{'type':'string','format':'uri'},'kind':{'const':'event'}},"
                + "'required':['score','price','code'],'additionalProperties':false}");
        JsonNode value = Schemas.instanceOf(schema, "x");
        assertEquals(3, value.get("score").asInt());
        assertTrue(value.get("price").decimalValue().doubleValue() > 50, value.toString());
        assertEquals(
                0,
                value.get("price")
                        .decimalValue()
                        .remainder(new java.math.BigDecimal("0.25"))
                        .signum());
        assertEquals(8, value.get("code").asText().length());
        assertEquals("genkit@example.com", value.at("/tags/0").asText());
        assertEquals("2025-01-15T10:30:00Z", value.get("when").asText());
        assertEquals("2025-01-15", value.get("day").asText());
        assertTrue(value.get("site").asText().startsWith("https://"));
        assertEquals("event", value.get("kind").asText());
    }

    @Test
    void followsTheConstraintsTheAnthropicSdkMovesIntoDescriptions() {
        // anthropic 2.15's transform_schema (lib/_parse/_transform.py) of Person(age: int = Field(ge=0, le=150),
        // zip: str = Field(pattern=...)): the keywords the API does not take become "{key: value, …}" in the
        // description.
        JsonNode schema = Responses.json("{'type':'object','properties':{"
                + "'age':{'type':'integer','description':'{maximum: 150, minimum: 0}'},"
                + "'zip':{'type':'string','description':'Postal code\\n\\n{pattern: ^[0-9]{5}$}'},"
                + "'name':{'type':'string','description':'{not: a constraint}'}},"
                + "'required':['age','zip','name'],'additionalProperties':false}");
        JsonNode value = Schemas.instanceOf(schema, "x");
        assertTrue(value.get("age").asInt() >= 0 && value.get("age").asInt() <= 150, value.toString());
        assertTrue(value.get("zip").asText().matches("[0-9]{5}"), value.toString());
        assertTrue(value.get("name").isTextual(), value.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^[A-Z]{3}-\\d{4}$",
                "^\\+?[1-9]\\d{1,14}$",
                "^(?:[a-z0-9]+)(?:-[a-z0-9]+)*$",
                "^#[0-9a-fA-F]{6}$",
                "^(cat|dog)s?$",
                "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$"
            })
    void samplesAStringThePatternMatches(String pattern) {
        String sample = Strings.forSchema(
                Responses.json("{'type':'string','pattern':'" + pattern.replace("\\", "\\\\") + "'}"), "Genkit");
        assertTrue(Pattern.compile(pattern).matcher(sample).find(), pattern + " → " + sample);
    }
}
