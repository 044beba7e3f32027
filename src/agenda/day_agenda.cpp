#include "agenda/day_agenda.h"
