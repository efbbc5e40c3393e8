package dev.handshake.core.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The {@code contentType} matcher on a value of the JSON view: whether the value is content of that type. A
 * JSON value is JSON (and a string holding JSON text is too); XML and plain text must be strings; an
 * octet stream is anything. pact-jvm guesses the type of bytes (Tika); a JSON view has no raw bytes, so only
 * the types that can be told from the value itself are accepted, and the contract is refused for others.
 */
final class ContentTypes {
  static final String SUPPORTED = "application/json and */*+json, application/xml, text/xml and */*+xml, "
      + "text/plain, application/octet-stream";
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind { JSON, XML, TEXT, ANY }

  private ContentTypes() {
  }

  /** The kind of content a media type names, or null when Handshake cannot check it. */
  static Kind kind(String mediaType) {
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.equals("application/json") || type.endsWith("+json")) {
      return Kind.JSON;
    }
    if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
      return Kind.XML;
    }
    if (type.equals("text/plain")) {
      return Kind.TEXT;
    }
    return type.equals("application/octet-stream") ? Kind.ANY : null;
  }

  static boolean matches(String mediaType, JsonNode actual) {
    if (actual == null || actual.isMissingNode()) {
      return false;
    }
    return switch (kind(mediaType)) {
      case ANY -> true;
      case TEXT -> actual.isTextual();
      case JSON -> !actual.isTextual() || isJson(actual.textValue());
      case XML -> actual.isTextual() && isXml(actual.textValue());
    };
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static boolean isXml(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no "[Fatal Error]" on stderr
      builder.parse(new InputSource(new StringReader(text)));
      return true;
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return false;
    }
  }
}
