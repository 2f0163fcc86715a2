// cad-047-lstock: lstock stock (sharp edges), label +Y
// features: +Y step; +Y counterbore through; +Y counterbore; +Y pocket in pocket; +Y circular pocket; +Y circular pocket; +Z circular pocket
// removed mm^3: px=0.000 mx=0.000 py=407727.646 my=0.000 pz=13297.609 mz=0.000
// margin: label blind 385797.463 >= 1.50 x 21930.183 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([127.72, 43.38, 41.93], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	lstock([223.44, 205.23, 189.10], 77.55, 52.02);
	face([0, 0, 189.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([111.72, 11.56, 0]) translate([0, -0.50, 0]) step(225.44, 24.12, 44.40);  // +Y 229367.416
	face([0, 0, 189.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([196.34, 46.15, 0]) cbore(8.87, 38.79, 5.23, 189.12);  // +Y 21930.183
	face([0, 0, 189.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([48.95, 36.35, 0]) cbore(5.07, 13.43, 2.96, 59.59);  // +Y 2295.036
	face([0, 0, 189.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([38.23, 59.54, 0]) pocket2(53.15, 29.20, 4.20, 49.61, 30.42, 15.51, 2.25, 36.98, -4.12, -4.09);  // +Y 93444.384
	face([0, 0, 189.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([172.76, 46.02, 0]) hole(11.52, 104.25);  // +Y 42355.584
	face([0, 0, 189.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([86.07, 51.26, 0]) hole(9.98, 60.13);  // +Y 18335.043
	face([0, 0, 189.10], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([61.13, 175.25, 0]) hole(10.04, 43.09);  // +Z 13297.609
}
