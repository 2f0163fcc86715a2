// cad-092-lstock: lstock stock (sharp edges), label -Z
// features: -Z rounded pocket; -Z pocket in pocket; -Z hole; -Z hole
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=2815.183
// margin: label blind 2815.183 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-175.97, 248.30, -124.42], [[0, 1, 0], [1, 0, 0], [0, 0, -1]])
part() {
	lstock([71.06, 57.51, 29.85], 27.90, 14.90);
	face([0, 0, 29.85], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([46.20, 14.70, 0]) pocket(13.11, 9.18, 1.69, 17.01);  // -Z 2001.554
	face([0, 0, 29.85], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.38, 21.38, 0]) pocket2(8.04, 8.39, 1.37, 2.12, 3.61, 4.42, 0.57, 3.86, -0.61, 0.22);  // -Z 199.685
	face([0, 0, 29.85], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([30.32, 9.82, 0]) hole(1.84, 13.31);  // -Z 137.957
	face([0, 0, 29.85], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([56.70, 20.19, 0]) hole(3.13, 15.87);  // -Z 475.987
}
