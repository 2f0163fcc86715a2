// cad-044-boxfillet: box_fillet stock (fillet edges), label +Z
// features: +Z pocket; +Z circular pocket; +Z pocket; +Z hole; +Z rounded pocket; +Z circular pocket; +Z counterbore through; +X countersink; +X pocket; -Z slot
// removed mm^3: px=15.775 mx=0.000 py=0.000 my=0.000 pz=121.854 mz=2.903
// margin: label blind 97.357 >= 1.50 x 27.399 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([39.63, -101.51, 57.15], [[0, -1, 0], [1, 0, 0], [0, 0, 1]])
part() {
	box_fillet([9.27, 19.40, 18.65], 0.77, 12);
	face([0, 0, 18.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.78, 11.22, 0]) pocket(1.00, 2.83, 0.00, 2.42);  // +Z 6.849
	face([0, 0, 18.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.14, 7.28, 0]) hole(0.99, 7.11);  // +Z 21.709
	face([0, 0, 18.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.95, 5.98, 0]) pocket(2.09, 2.94, 0.00, 4.82);  // +Z 29.617
	face([0, 0, 18.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.74, 14.43, 0]) hole(0.60, 4.75);  // +Z 5.327
	face([0, 0, 18.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.06, 3.19, 0]) pocket(2.82, 3.37, 1.16, 2.86);  // +Z 23.775
	face([0, 0, 18.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.53, 13.69, 0]) hole(1.03, 3.05);  // +Z 10.080
	face([0, 0, 18.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.68, 10.06, 0]) cbore(0.86, 4.35, 0.57, 18.67);  // +Z 24.497
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([7.58, 7.72, 0]) csink(0.45, 0.23, 0.21, 4.63);  // +X 0.807
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([3.76, 11.74, 0]) pocket(1.54, 1.79, 0.00, 5.43);  // +X 14.968
	face([0, 19.40, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([3.14, 1.48, 0]) slot(1.07, 0.22, 4.67);  // -Z 2.903
}
