#include "formats/vcard_writer.h"
