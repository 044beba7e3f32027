// Draws a QR code (libqrencode, 8-bit mode so UTF-8 survives) as a plain PBM
// with a four-module quiet zone: the card corpus generator composites it onto
// a card. Usage: scan_qr_pbm PAYLOAD_FILE OUT.pbm
#include <qrencode.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: scan_qr_pbm PAYLOAD_FILE OUT.pbm\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string payload((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  QRcode* code = QRcode_encodeData(static_cast<int>(payload.size()),
                                   reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M);
  if (code == nullptr) {
    std::cerr << "scan_qr_pbm: the payload does not fit a QR code\n";
    return 1;
  }
  constexpr int kQuiet = 4;
  const int size = code->width + 2 * kQuiet;
  std::ofstream out(argv[2]);
  out << "P1\n" << size << " " << size << "\n";
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const int module_x = x - kQuiet;
      const int module_y = y - kQuiet;
      const bool inside = module_x >= 0 && module_y >= 0 && module_x < code->width && module_y < code->width;
      const bool dark = inside && (code->data[module_y * code->width + module_x] & 1) != 0;
      out << (dark ? '1' : '0') << (x + 1 < size ? " " : "\n");
    }
  }
  QRcode_free(code);
  return 0;
}
