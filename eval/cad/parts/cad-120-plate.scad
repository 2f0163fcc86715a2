// cad-120-plate: plate stock (sharp edges), label +Z
// features: +Z countersink; +Z pocket in pocket; +Z step; -X pocket; -Z open slot
// removed mm^3: px=0.000 mx=196.320 py=0.000 my=0.000 pz=5881.470 mz=790.409
// margin: label blind 5881.470 >= 1.50 x 790.409 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([119.71, 151.18, -242.28], [[-1, 0, 0], [0, -1, 0], [0, 0, 1]])
part() {
	box([86.12, 61.76, 5.98]);
	face([0, 0, 5.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([76.04, 22.92, 0]) csink(5.29, 3.10, 2.19, 3.14);  // +Z 148.617
	face([0, 0, 5.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([40.96, 38.80, 0]) pocket2(48.88, 27.71, 5.28, 1.46, 23.40, 10.16, 1.23, 2.28, -0.92, -1.55);  // +Z 2478.137
	face([0, 0, 5.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([43.06, 7.24, 0]) translate([0, -0.50, 0]) step(88.12, 15.48, 2.61);  // +Z 3254.716
	face([86.12, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([47.53, 3.12, 0]) pocket(3.94, 4.75, 0.00, 10.49);  // -X 196.320
	face([0, 61.76, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([43.06, 45.57, 0]) translate([0, 0.00, 0]) step(88.12, 7.06, 1.30);  // -Z 790.409
}
