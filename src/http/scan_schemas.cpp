// The OpenAPI schemas of card scanning: the upload and the shape
// app/scan_json.h writes.
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
  };
}

}  // namespace kith::http
