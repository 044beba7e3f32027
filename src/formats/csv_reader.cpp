#include "formats/csv_reader.h"
