// cad-144-box: box stock (sharp edges), label +Z
// features: +Z pocket in pocket; +Z circular pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=147021.424 mz=0.000
// margin: label blind 147021.424 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([81.41, -40.27, 148.69], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	box([105.24, 144.04, 217.06]);
	face([0, 0, 217.06], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([78.23, 86.78, 0]) pocket2(43.87, 46.77, 11.20, 39.83, 15.27, 25.04, 1.76, 47.05, 8.43, 5.88);  // +Z 95195.721
	face([0, 0, 217.06], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([23.98, 108.48, 0]) hole(17.07, 56.98);  // +Z 51825.702
}
