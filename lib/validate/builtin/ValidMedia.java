package conform.validate.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.Validator;
import conform.validate.ValidatorDescription;
import conform.validate.ValidatorName;
import conform.validate.WhatwgUrl;

@ValidatorName("valid-media")
@ValidatorDescription("response has a media part, of type ARG (image, audio, video) if given")
public final class ValidMedia implements Validator {

    @Override
    public void validate(ModelResponse response, String arg) {
        String type = arg == null || arg.isEmpty() ? null : arg;
        JsonNode media = response.firstPart("media")
                .orElseThrow(() ->
                        new ValidationFailure("Model did not return " + (type == null ? "media" : type) + " part."))
                .get("media");
        String contentType = media.path("contentType").asText("");
        if (type != null && !contentType.isEmpty() && !contentType.startsWith(type + "/")) {
            throw new ValidationFailure("Expected " + type + " content type, got " + contentType);
        }
        if ("image".equals(type)) checkImageUrl(media.path("url").asText(""));
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
