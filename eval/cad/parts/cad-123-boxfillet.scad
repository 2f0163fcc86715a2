// cad-123-boxfillet: box_fillet stock (fillet edges), label -Z
// features: -Z hole through; -Z pocket; -Z pocket; -Z slot
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=34818.511
// margin: label blind 29739.252 >= 1.50 x 5079.259 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([115.07, 130.36, 143.23], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	box_fillet([100.10, 70.91, 117.51], 13.37, 12);
	face([0, 0, 117.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([59.45, 40.49, 0]) hole(3.74, 117.53);  // -Z 5079.259
	face([0, 0, 117.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([49.40, 21.06, 0]) pocket(11.33, 10.70, 0.00, 64.99);  // -Z 7878.803
	face([0, 0, 117.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([31.64, 36.79, 0]) pocket(11.98, 33.32, 0.00, 46.37);  // -Z 18509.680
	face([0, 0, 117.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([56.78, 46.72, 0]) slot(14.14, 1.58, 63.95);  // -Z 3350.769
}
