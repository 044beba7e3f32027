#include "formats/xlsx_writer.h"
