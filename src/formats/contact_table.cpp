#include "formats/contact_table.h"
