// cad-171-box: box stock (sharp edges), label +X
// features: +X open slot; +X slot; +X open slot; +X open slot; -X open slot; -Z slot
// removed mm^3: px=10222.086 mx=2766.426 py=0.000 my=0.000 pz=0.000 mz=353.803
// margin: label blind 10222.086 >= 1.50 x 2766.426 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([21.69, 26.28, -234.29], [[0, 0, 1], [-1, 0, 0], [0, -1, 0]])
part() {
	box([28.42, 65.40, 57.33]);
	face([0, 0, 57.33], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.21, 24.00, 0]) translate([0, 0.00, 0]) step(30.42, 4.50, 22.00);  // +X 2813.580
	face([0, 0, 57.33], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([16.12, 50.78, 0]) slot(4.01, 0.92, 22.65);  // +X 226.362
	face([0, 0, 57.33], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.21, 37.84, 0]) translate([0, 0.00, 0]) step(30.42, 5.96, 18.19);  // +X 3081.080
	face([0, 0, 57.33], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.21, 8.64, 0]) translate([0, 0.00, 0]) step(30.42, 4.60, 31.37);  // +X 4101.063
	face([0, 65.40, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([14.21, 37.12, 0]) translate([0, 0.00, 0]) step(30.42, 6.08, 16.01);  // -X 2766.426
	face([0, 65.40, 57.33], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([18.23, 48.98, 0]) slot(7.10, 1.25, 15.67);  // -Z 353.803
}
