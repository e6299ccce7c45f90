package conform.validate.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorArgument;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;
import conform.validate.WhatwgUrl;

@ValidatorName("valid-media")
@ValidatorDescription(
        "response has a media part, of kind ARG if given; an image's URL is data:image/… or one new URL() parses")
@ValidatorArgument(
        value = "the media kind",
        oneOf = {"image", "audio", "video"})
public final class ValidMedia implements Validator {

    @Override
    public void validate(ModelResponse response, String kind) {
        JsonNode media = response.firstPart("media")
                .orElseThrow(() ->
                        new ValidationFailure("Model did not return " + (kind == null ? "media" : kind) + " part."))
                .get("media");
        String contentType = media.path("contentType").asText("");
        if (kind != null && !contentType.isEmpty() && !contentType.startsWith(kind + "/")) {
            throw new ValidationFailure("Expected " + kind + " content type, got " + contentType);
        }
        if ("image".equals(kind)) checkImageUrl(media.path("url").asText(""));
    }

    private static void checkImageUrl(String url) {
        if (url.isEmpty()) throw new ValidationFailure("Media part missing URL");
        if (url.startsWith("data:")) {
            if (!url.startsWith("data:image/")) throw new ValidationFailure("Invalid data URL content type for image");
        } else if (url.startsWith("http")) {
            WhatwgUrl.whyInvalid(url).ifPresent(why -> {
                throw new ValidationFailure("Invalid URL: " + url + " (" + why + ")");
            });
        } else {
            throw new ValidationFailure("Unknown URL format: " + url);
        }
    }
}
