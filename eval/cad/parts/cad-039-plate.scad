// cad-039-plate: plate stock (sharp edges), label -Y
// features: -Y step; -Y open slot; +X counterbore
// removed mm^3: px=2252.373 mx=0.000 py=0.000 my=51074.167 pz=0.000 mz=0.000
// margin: label blind 51074.167 >= 1.50 x 2252.373 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-43.02, 17.87, -76.48], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	box([193.82, 156.58, 13.37]);
	face([0, 0, 13.37], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([96.91, 131.86, 0]) translate([0, 0.50, 0]) step(195.82, 50.44, 2.16);  // -Y 20698.115
	face([0, 0, 13.37], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([96.91, 72.40, 0]) translate([0, 0.00, 0]) step(195.82, 26.34, 5.95);  // -Y 30376.052
	face([0, 0, 13.37], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([23.58, 7.14, 0]) cbore(5.64, 12.03, 3.46, 40.20);  // +X 2252.373
}
