// cad-081-boxchamfer: box_chamfer stock (chamfer edges), label -X
// features: -X pocket; +Z slot
// removed mm^3: px=0.000 mx=9475906.006 py=0.000 my=0.000 pz=109661.417 mz=0.000
// margin: label blind 9475906.006 >= 1.50 x 109661.417 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-4.74, 255.87, -6.07], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	box_chamfer([464.71, 489.87, 283.10], 11.87);
	face([0, 0, 283.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([160.62, 299.72, 0]) pocket(243.52, 230.55, 0.00, 168.78);  // -X 9475906.006
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([65.86, 138.76, 0]) slot(28.81, 9.90, 125.03);  // +Z 109661.417
}
