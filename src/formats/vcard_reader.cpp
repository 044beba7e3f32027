#include "formats/vcard_reader.h"
