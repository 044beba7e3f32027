#include "agenda/starters.h"
