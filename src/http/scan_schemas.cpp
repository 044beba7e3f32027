// The OpenAPI schemas of card scanning: the uploads, the shapes
// app/scan_json.h writes, and pictures.
#include "http/openapi.h"

namespace kith::http {

nlohmann::json ScanSchemas() {
  using nlohmann::json;
  const json text = {{"type", "string"}};
  const json texts = {{"type", "array"}, {"items", text}};
  const json link = {{"type", "object"}, {"properties", {{"kind", text}, {"url", text}}}};
  return {
      {"ScanForm",
       {{"type", "object"},
        {"properties", {{"image", {{"type", "string"}, {"format", "binary"}}}}},
        {"required", {"image"}}}},
      {"ScannedCard",
       {{"type", "object"},
        {"properties",
         {{"name", text},
          {"title", text},
          {"company", text},
          {"emails", texts},
          {"phones", texts},
          {"website", text},
          {"address", text},
          {"links", {{"type", "array"}, {"items", link}}},
          {"confidence", {{"type", "object"}, {"additionalProperties", {{"type", "number"}}}}},
          {"source", {{"type", "string"}, {"enum", {"ocr", "qr"}}}}}}}},
      {"ScannedContactForm",
       {{"type", "object"},
        {"properties",
         {{"image", {{"type", "string"}, {"format", "binary"}}},
          {"contact", {{"type", "string"}, {"description", "the person as JSON, the shape of Contact"}}}}},
        {"required", {"image", "contact"}}}},
      {"MyCard",
       {{"type", "object"},
        {"properties",
         {{"name", text},
          {"title", text},
          {"company", text},
          {"email", text},
          {"phone", text},
          {"website", text},
          {"vcard", text}}}}},
      {"Image", {{"type", "string"}, {"format", "binary"}}},
  };
}

}  // namespace kith::http
