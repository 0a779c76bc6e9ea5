/* read_tables.h - the row handlers of the dataset tables (read_tables.c): each turns a CSV
 * row into an API record and adds it to the network (models/network_add.h). The columns
 * of each table are in models/schema.h. */
#ifndef SCOPT_READ_TABLES_H
#define SCOPT_READ_TABLES_H

#include "csv_table.h"
#include "network.h"

/* handler of table T's rows; its user pointer is the scopt_network being read */
csv_row_fn dataset_row_handler(table_id t);

#endif
