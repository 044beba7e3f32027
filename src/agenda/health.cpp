#include "agenda/health.h"
