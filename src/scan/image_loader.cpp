#include "scan/image_loader.h"

#include <libheif/heif.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace kith::scan {
namespace {

constexpr int kMinimumSide = 32;

Error TooManyPixels(long long width, long long height) {
  return Error{ErrorCode::kInvalidInput,
               "the image declares " + std::to_string(width) + "x" + std::to_string(height) +
                   " pixels, more than kith reads (" + std::to_string(kMaxImagePixels / 1'000'000) +
                   " megapixels): send a photo of the card as the phone took it",
               "image"};
}

bool TooLarge(long long width, long long height) {
  return width <= 0 || height <= 0 || width * height > kMaxImagePixels;
}

struct HeifContextDeleter {
  void operator()(heif_context* context) const { heif_context_free(context); }
};
struct HeifHandleDeleter {
  void operator()(heif_image_handle* handle) const { heif_image_handle_release(handle); }
};
struct HeifImageDeleter {
  void operator()(heif_image* image) const { heif_image_release(image); }
};

Result<PixPtr> LoadHeif(std::span<const std::byte> bytes) {
  const auto cannot = [](const heif_error& error) {
    return Fail(ErrorCode::kInvalidInput,
                std::string("the HEIC image cannot be decoded (") + error.message + ")", "image");
  };
  std::unique_ptr<heif_context, HeifContextDeleter> context(heif_context_alloc());
  heif_error error =
      heif_context_read_from_memory_without_copy(context.get(), bytes.data(), bytes.size(), nullptr);
  if (error.code != heif_error_Ok) return cannot(error);
  heif_image_handle* raw_handle = nullptr;
  error = heif_context_get_primary_image_handle(context.get(), &raw_handle);
  if (error.code != heif_error_Ok) return cannot(error);
  std::unique_ptr<heif_image_handle, HeifHandleDeleter> handle(raw_handle);
  const long long declared_width = heif_image_handle_get_width(handle.get());
  const long long declared_height = heif_image_handle_get_height(handle.get());
  if (TooLarge(declared_width, declared_height))
    return tl::unexpected(TooManyPixels(declared_width, declared_height));
  heif_image* raw_image = nullptr;
  // Decoding applies the file's rotation and mirroring, so the card is upright
  // as the phone showed it.
  error =
      heif_decode_image(handle.get(), &raw_image, heif_colorspace_RGB, heif_chroma_interleaved_RGB, nullptr);
  if (error.code != heif_error_Ok) return cannot(error);
  std::unique_ptr<heif_image, HeifImageDeleter> image(raw_image);
  const int width = heif_image_get_width(image.get(), heif_channel_interleaved);
  const int height = heif_image_get_height(image.get(), heif_channel_interleaved);
  int stride = 0;
  const std::uint8_t* plane = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
  if (plane == nullptr || width <= 0 || height <= 0) {
    return Fail(ErrorCode::kInvalidInput, "the HEIC image has no picture in it", "image");
  }
  PixPtr pix(pixCreate(width, height, 32));
  if (!pix) return Fail(ErrorCode::kInternal, "out of memory for the image", "image");
  l_uint32* data = pixGetData(pix.get());
  const int words_per_line = pixGetWpl(pix.get());
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* source = plane + static_cast<std::ptrdiff_t>(y) * stride;
    l_uint32* target = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
    for (int x = 0; x < width; ++x) {
      l_uint32 pixel = 0;
      const std::ptrdiff_t offset = static_cast<std::ptrdiff_t>(x) * 3;
      composeRGBPixel(source[offset], source[offset + 1], source[offset + 2], &pixel);
      target[x] = pixel;
    }
  }
  return pix;
}

}  // namespace

Result<PixPtr> LoadImage(std::span<const std::byte> bytes) {
  if (bytes.empty()) return Fail(ErrorCode::kInvalidInput, "the image file is empty", "image");
  if (bytes.size() > kMaxImageBytes) {
    constexpr std::size_t kMegabyte = std::size_t{1024} * 1024;
    return Fail(ErrorCode::kInvalidInput,
                "the image is " + std::to_string(bytes.size() / kMegabyte) + " MB, more than kith reads (" +
                    std::to_string(kMaxImageBytes / kMegabyte) +
                    " MB): send a photo of the card as the phone took it",
                "image");
  }
  PixPtr pix;
  if (LooksLikeHeif(bytes)) {
    KITH_ASSIGN_OR_RETURN(pix, LoadHeif(bytes));
  } else {
    const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
    l_int32 format = IFF_UNKNOWN;
    // Leptonica reads the first 12 bytes to tell the format.
    constexpr std::size_t kSignatureBytes = 12;
    if (bytes.size() < kSignatureBytes || findFileFormatBuffer(data, &format) != 0 || format == IFF_UNKNOWN) {
      return Fail(ErrorCode::kInvalidInput,
                  "this is not an image kith can read: use a JPEG, PNG, WebP, TIFF or HEIC photo of the card",
                  "image");
    }
    // The header first: what the image claims to be decides whether it is
    // decoded at all.
    l_int32 width = 0;
    l_int32 height = 0;
    l_int32 bits = 0;
    l_int32 samples = 0;
    l_int32 colormap = 0;
    if (pixReadHeaderMem(data, bytes.size(), &format, &width, &height, &bits, &samples, &colormap) != 0) {
      return Fail(ErrorCode::kInvalidInput,
                  "the image cannot be decoded: the file may be cut short or damaged", "image");
    }
    if (TooLarge(width, height)) return tl::unexpected(TooManyPixels(width, height));
    if (format == IFF_JFIF_JPEG) {
      l_int32 reduction = 1;
      while (static_cast<long long>(width / reduction) * (height / reduction) > kFullSizeJpegPixels)
        reduction *= 2;
      l_int32 warnings = 0;
      pix.reset(pixReadMemJpeg(data, bytes.size(), 0, reduction, &warnings, 0));
      // libjpeg pads a JPEG that ends early with grey and only warns: a
      // card half grey is not a card.
      if (pix && warnings > 0) pix.reset();
    } else {
      pix.reset(pixReadMem(data, bytes.size()));
    }
    if (!pix) {
      return Fail(ErrorCode::kInvalidInput,
                  "the image cannot be decoded: the file may be cut short or damaged", "image");
    }
  }
  const int width = pixGetWidth(pix.get());
  const int height = pixGetHeight(pix.get());
  if (width < kMinimumSide || height < kMinimumSide) {
    return Fail(ErrorCode::kInvalidInput,
                "the image is too small to read (" + std::to_string(width) + "x" + std::to_string(height) +
                    " pixels): photograph the card so that it fills the frame",
                "image");
  }
  return pix;
}

}  // namespace kith::scan
