// cad-175-boxfillet: box_fillet stock (fillet edges), label -X
// features: -X pocket; -X hole through; -X countersink; -X pocket in pocket; -X rounded pocket; -Z slot
// removed mm^3: px=0.000 mx=988.875 py=0.000 my=0.000 pz=0.000 mz=25.905
// margin: label blind 847.980 >= 1.50 x 140.894 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-37.59, -1.54, -69.83], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	box_fillet([27.67, 22.26, 43.38], 2.35, 16);
	face([0, 0, 43.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.09, 9.15, 0]) pocket(5.85, 8.07, 0.00, 14.14);  // -X 667.542
	face([0, 0, 43.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([22.65, 13.44, 0]) hole(1.03, 43.40);  // -X 140.894
	face([0, 0, 43.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([19.02, 6.63, 0]) csink(1.87, 0.92, 0.95, 10.95);  // -X 31.791
	face([0, 0, 43.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.12, 16.85, 0]) pocket2(3.48, 4.01, 0.00, 2.83, 1.48, 2.10, 0.55, 4.16, 0.09, -0.21);  // -X 51.240
	face([0, 0, 43.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.93, 12.40, 0]) pocket(3.17, 2.59, 0.22, 11.93);  // -X 97.407
	face([0, 22.26, 43.38], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([15.15, 16.71, 0]) slot(3.68, 0.59, 4.79);  // -Z 25.905
}
