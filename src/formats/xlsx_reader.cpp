#include "formats/xlsx_reader.h"
