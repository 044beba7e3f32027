#include "agenda/cadence.h"
