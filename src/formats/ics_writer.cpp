#include "formats/ics_writer.h"
