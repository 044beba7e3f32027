// Parsing throughput of the import readers, on files transfer.sh makes.
#pragma once

namespace kith::bench {

// Registers two benchmarks that time a reader alone, no database:
//   "formats/vcard_parse": kith::ReadVCards over the .vcf file named by
//     $KITH_BENCH_VCF,
//   "formats/linkedin_csv_parse": kith::ReadContactsCsv over the LinkedIn
//     Connections.csv named by $KITH_BENCH_LINKEDIN_CSV.
// The file is read into memory once, outside the timing; each iteration
// parses all of it from memory into a sink that only counts records. Reports
// bytes per second (SetBytesProcessed) and a records_per_second counter, both
// over wall time (UseRealTime), not CPU time.
// Without the variable, or when the file cannot be read or does not parse,
// the benchmark reports why it was skipped.
void RegisterFormatBenchmarks();

}  // namespace kith::bench
