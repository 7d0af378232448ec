// Original file: proto/fabric/v1/sharding.proto


export interface ShardTable {
  'table'?: (string);
  'column'?: (string);
  'map_id'?: (number);
}

export interface ShardTable__Output {
  'table': (string);
  'column': (string);
  'map_id': (number);
}
