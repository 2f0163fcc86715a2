// cad-158-boxfillet: box_fillet stock (fillet edges), label +Y
// features: +Y pocket; +Y slot; +Y countersink; +Y pocket; +Y counterbore
// removed mm^3: px=0.000 mx=0.000 py=8478.352 my=0.000 pz=0.000 mz=0.000
// margin: label blind 8478.352 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-18.29, -77.44, 44.25], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
part() {
	box_fillet([57.49, 69.02, 60.86], 9.22, 8);
	face([0, 0, 60.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([37.00, 50.04, 0]) pocket(13.35, 7.66, 0.00, 12.34);  // +Y 1261.901
	face([0, 0, 60.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([18.57, 25.10, 0]) slot(8.90, 1.17, 10.43);  // +Y 261.335
	face([0, 0, 60.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([37.39, 33.06, 0]) csink(7.86, 3.98, 3.88, 36.88);  // +Y 2050.578
	face([0, 0, 60.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([19.37, 41.14, 0]) pocket(13.62, 7.80, 0.00, 34.07);  // +Y 3619.461
	face([0, 0, 60.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([36.75, 17.84, 0]) cbore(6.28, 5.35, 3.61, 21.07);  // +Y 1285.078
}
